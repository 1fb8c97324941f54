@e2e @integration @slow
Feature: A data pipeline that recovers from a crash
  Extract, clean and load jobs run unattended at night. When one stops halfway
  (a crash, a restart), the next run must pick up from the last checkpoint and load
  every record exactly once: no gaps, no duplicates.

  @scripted-model
  Scenario: A pipeline interrupted halfway resumes and loads every record exactly once
    The scripted model answers each of the 10 batches the same way every time, so the
    interrupt lands in batch 6; a real model does not keep a run going for 10 batches on
    demand. The point is the pipeline's bookkeeping.

    Given a CSV file of 200 orders to load in batches of 20
    And a pipeline agent that checkpoints after every batch
    When the pipeline is interrupted while loading batch 6
    And the pipeline is resumed from its latest checkpoint
    Then all 200 orders are loaded
    And no order was loaded twice
    And batches 1 to 5 were not processed again
