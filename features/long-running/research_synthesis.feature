@e2e @long-running
Feature: Synthesising fifty research papers
  A literature review reads many papers whose claims overlap and sometimes contradict
  each other. The agent must read every paper once, record each claim with the papers
  that support it, checkpoint, survive an interrupt and report its cost.

  The papers here are generated from a known set of claims, so the synthesis can be
  checked against the truth.

  @scripted-model
  Scenario: 50 papers synthesised across an interrupt, every claim with its supporting papers
    On the scripted provider the "model" is a deterministic reader that extracts the
    claims stated in each paper; a real model would phrase them differently.

    Given 50 generated papers with overlapping claims, seed 2026
    And a reading agent that checkpoints every 5 papers
    When the agent reads the papers and is interrupted after 20 papers
    And the reading is resumed from its latest checkpoint
    Then every paper was read exactly once
    And every claim is recorded in memory with exactly the papers that state it
    And the claims stated by at least 5 papers are listed as well supported
    And the papers that contradict a claim are listed with it
    And at least 10 checkpoints were saved
    And the cost the run reports is its tokens at the model's price
