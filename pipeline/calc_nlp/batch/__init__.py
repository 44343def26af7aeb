"""The parts of a batch run (runner.py puts them together): options, inputs,
statuses decided before the engine, workers, key sets, checkpoints, the lock
and the commit."""
