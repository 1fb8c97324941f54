@e2e @checkpoint @core
Feature: Compressed checkpoints
  Agents that run for a long time save many checkpoints. Storing them compressed keeps
  the data folder small, but only if nothing is lost: a restored checkpoint must be
  identical to the state that was saved.

  Scenario: A compressed checkpoint of a real conversation restores every field
    Given an agent that stores its checkpoints compressed
    And the agent has worked on "Analyse the March sales export" for at most 3 turns
    When a checkpoint is saved
    Then the stored checkpoint is smaller than its raw size
    When that checkpoint is loaded back
    Then the restored state has every turn of the conversation
    And the restored state matches the saved state field by field

  @scripted-model
  Scenario: A compressed checkpoint is much smaller than the raw state and restores every field
    The guide's figure is for a 10-turn conversation; a real model does not hold a
    conversation for exactly 10 turns on demand, so the scripted model plays a realistic,
    varied one.

    Given an agent that stores its checkpoints compressed
    And the agent has held a conversation of 10 turns
    When a checkpoint is saved
    Then the stored checkpoint is smaller than 30% of its raw size
    When that checkpoint is loaded back
    Then the restored state has all 10 turns of the conversation
    And the restored state matches the saved state field by field
