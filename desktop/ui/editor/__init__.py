"""The roadmap editor: plain rows, filter, delegates, commands, clipboard, actions."""
