"""Building the store: files read into named graphs, reasoned over, written once as a build, updated when documents change, and opened for reading."""
