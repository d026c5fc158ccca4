"""Generator for the Alaska-summit explainer: YAML notes in, Markdown pages out."""
