"""Views of the employers app: thin — permission, form, one service or selector, render."""
