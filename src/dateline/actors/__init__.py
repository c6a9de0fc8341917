"""Actors: mentions normalised to ACLED's names and inter codes, linked across the article.

- :mod:`.naming`: ACLED names (state forces with regime periods, "Civilians (Syria)"), inter and
  interaction codes;
- :mod:`.lexicon`: the actor knowledge (bundled TSV files a user can extend);
- :mod:`.stage`: :class:`~.stage.ActorStage`, which fills ``doc.actors``, and
  :func:`~.stage.story_country`, the country unnamed actors are qualified with;
- :mod:`.coref`: links later mentions to earlier ones ("the militants" after "Islamic State");
- the naming is scored against ACLED rows by ``dateline eval actors`` (:mod:`dateline.evaluate.actors`).
"""
