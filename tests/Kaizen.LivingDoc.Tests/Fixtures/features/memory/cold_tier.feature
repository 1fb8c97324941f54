@memory @slow
Feature: Cold memory tier
  Old turns are embedded and retrieved by similarity.

  Scenario: Similar memories are retrieved first
    Given the cold memory holds
      """markdown
      # Trip notes
      The user prefers trains.
      """
    When the agent recalls "travel preferences"
    Then the first memory mentions "trains"
