"""Documents and pictures rendered from team/: the team document and the responsibility matrix.

Every renderer here is a pure function of the loaded team: the same team/ gives the same bytes.
"""
