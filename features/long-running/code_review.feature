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

  Scenario: A small repository reviewed by the real model across an interrupt: every file handed out once, notes on each kept in memory
    The model takes the files from the library's work queue: the run requires a call of
    its next_item tool on every turn (the notes on the file before go with the call) and
    asks for the answer on its last turn. The queue's progress travels in the checkpoints,
    so the resumed run carries on with the next file. A small model's findings are
    reported, not judged.

    Given a generated repository of 6 C# files with planted defects, seed 40
    And a reviewing agent that takes the files from a work queue and checkpoints every 4 turns
    When the agent reviews the queued files and the user interrupts it after 2 files
    Then the interrupt's checkpoint holds the queue's progress: the first 2 files handed out
    When a new agent resumes the review from that checkpoint, with the memory file reopened
    Then every file was handed to the model exactly once, across the interrupt
    And the model's notes on each file are in the memory file, right after the file
    And the run completed after the resume, with checkpoints before and after the interrupt
    And the cost the run reports is its tokens at the model's price
    And the number of findings the model reported is attached to the test output
