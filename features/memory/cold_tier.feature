@e2e @memory @core
Feature: Cold memory: finding old knowledge by meaning
  Everything the agent ever said is kept in long-term storage. When a new task comes
  up, the agent retrieves the few old turns that are relevant to it (retrieval
  augmented generation), even if they were said hundreds of turns ago.

  Background:
    Given a memory store in the scenario's data folder

  Scenario: Relevant old turns are retrieved by meaning
    Given the session "support" has stored these turns among 40 unrelated ones:
      | role      | content                                                                      |
      | user      | The nightly export fails with "database is locked" when two jobs write at once |
      | assistant | Invoices are generated on the first working day of each month                |
      | user      | Our office plants need watering twice a week                                 |
    When the cold memory of "support" is searched for "why does the database say it is locked" with 3 results
    Then 3 results come back, best first
    And the best result is the turn about "database is locked"
    And every result has a similarity score between -1 and 1
