"""The offline demo: the whole pipeline on bundled data, alerts written as .eml files."""
