"""Raw meeting notes in, Retrospective documents out (the rules path of bulk summaries)."""
