"""Reading a chat message into the method's blocks: findings, a cause chain, reflections, lessons, actions."""
