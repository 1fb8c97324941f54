@e2e @memory @core
Feature: Warm memory: a sliding window over the conversation
  Beyond the last few turns, the agent keeps a longer window of the conversation
  (20 to 50 turns) in conversation order, so that it can follow a thread of work
  without re-reading everything it ever said.

  Background:
    Given a memory store in the scenario's data folder

  Scenario Outline: The warm tier is the last turns of the conversation, oldest first
    Given the session "analyst" has stored 60 turns "Turn 0" to "Turn 59", alternating user and assistant
    When the warm tier of "analyst" is read with a window of <window> turns
    Then the warm tier holds <window> turns
    And it starts with "<first>" and ends with "Turn 59"
    And its turns are in conversation order

    Examples:
      | window | first   |
      | 20     | Turn 40 |
      | 50     | Turn 10 |

  Scenario: A short look at the conversation does not shorten the warm window
    Reading only the last few turns must not leave the store remembering a shorter
    window: the next read of the whole warm window still gives all of it.

    Given a memory with a warm window of 20 turns
    And the session "analyst" has stored 30 turns "Turn 0" to "Turn 29", alternating user and assistant
    When the warm tier of "analyst" is read with a window of 5 turns
    And the warm tier of "analyst" is read with a window of 20 turns
    Then the warm tier holds 20 turns
    And it starts with "Turn 10" and ends with "Turn 29"
    And its turns are in conversation order
