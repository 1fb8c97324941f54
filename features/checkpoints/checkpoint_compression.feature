@e2e @checkpoint @core
Feature: Compressed checkpoints
  Agents that run for a long time save many checkpoints. Storing them compressed keeps
  the data folder small, but only if nothing is lost: a restored checkpoint must be
  identical to the state that was saved.

  @scripted-only
  Scenario: A compressed checkpoint is much smaller than the raw state and restores every field
    The size ratio depends on the words of the conversation; the scripted conversation
    is a realistic, varied one, but a real model could answer with text that compresses
    differently.

    Given an agent that stores its checkpoints compressed
    And the agent has held a conversation of 10 turns
    When a checkpoint is saved
    Then the stored checkpoint is smaller than 30% of its raw size
    When that checkpoint is loaded back
    Then the restored state has all 10 turns of the conversation
    And the restored state matches the saved state field by field
