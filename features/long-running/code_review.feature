@e2e @long-running
Feature: Reviewing a whole code base
  A code review of a real repository means hundreds of files and hours of work. The
  agent must review every file exactly once, write each finding into its memory as it
  goes, checkpoint regularly, survive an interrupt, and report what it cost.

  The repository here is generated: 120 C# files with defects planted at known places,
  so the review can be checked against the truth.

  @scripted-model
  Scenario: 120 files reviewed across an interrupt, every planted defect reported once
    On the scripted provider the "model" is a deterministic reviewer that reads the
    file it is given; a real model's findings would differ from the planted list.

    Given a generated repository of 120 C# files with planted defects, seed 42
    And a reviewing agent that checkpoints every 10 files
    When the agent reviews the repository and is interrupted after 50 files
    And the review is resumed from its latest checkpoint
    Then every file was reviewed exactly once
    And every planted defect is recorded in memory, with its file and line
    And no finding was recorded twice
    And at least 12 checkpoints were saved
    And the cost the run reports is its tokens at the model's price
