@e2e @agent @core
Feature: Settings that cannot work are refused before the agent starts
  An agent whose settings make no sense must not start and fail later in the middle of a
  run: building it is refused with the name of the wrong setting and the value it got,
  before any model is asked anything.

  Scenario Outline: A setting out of range is refused with its name
    Given the agent's setting <setting> is <value>
    When an agent is built with these settings
    Then it is refused with "<problem>"
    And no model was asked anything

    Examples:
      | setting            | value | problem                                          |
      | MaxTurns           | 0     | MaxTurns must be at least 1, got 0               |
      | CheckpointInterval | 0     | CheckpointInterval must be at least 1 turn, got 0 |
      | MaxAttempts        | 0     | MaxAttempts must be at least 1, got 0            |
      | MemoryHotTurns     | -1    | Memory tier sizes must not be negative           |
      | MemoryWarmWindow   | -1    | Memory tier sizes must not be negative           |
      | MemoryColdResults  | -1    | Memory tier sizes must not be negative           |
