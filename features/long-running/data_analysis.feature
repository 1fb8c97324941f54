@e2e @long-running
Feature: Analysing a thousand records
  Data quality work means going through every record and flagging what is wrong. The
  agent must look at each of the 1,000 records once, store each anomaly it finds,
  checkpoint, survive an interrupt and report its cost.

  The file here is generated with anomalies planted at known rows (negative quantities,
  totals that do not add up, duplicated ids, missing regions, outliers, dates in the
  future).

  @scripted-model
  Scenario: 1,000 records analysed across an interrupt, every planted anomaly found
    On the scripted provider the "model" is a deterministic analyst that reads the
    records it is given; a real model's judgement would differ.

    Given a generated CSV of 1000 sales records with planted anomalies, seed 7
    And an analysing agent that reads 50 records per turn and checkpoints every 4 turns
    When the agent analyses the file and is interrupted after 400 records
    And the analysis is resumed from its latest checkpoint
    Then every record was analysed exactly once
    And every planted anomaly is recorded in memory with its row and kind
    And no anomaly was recorded twice
    And at least 5 checkpoints were saved
    And the cost the run reports is its tokens at the model's price
