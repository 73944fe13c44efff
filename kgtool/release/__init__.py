"""Releasing: the dumps, the dataset's description and the pages of a release, the local endpoint and its web API, and loading a triple store."""
