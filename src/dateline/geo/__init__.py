"""Places: the gazetteer, toponym finding and resolution, and event geolocation."""
