"""`wwe-scapi serve` and `wwe-scapi build`: the site build and a multi-origin static server."""
