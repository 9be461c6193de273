"""The lesson index's vector side: embedders and the Chroma adapter."""
