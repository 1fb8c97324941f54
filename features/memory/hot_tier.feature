@e2e @memory @core
Feature: Hot memory: the latest turns at hand
  The agent puts its most recent turns into every prompt. They must come back fast,
  newest first, and only from the agent's own conversation: two users sharing a
  database must never see each other's words.

  Background:
    Given a memory store in the scenario's data folder

  Scenario: The latest turns come back newest first
    Given the session "alice" has stored 10 turns "Message 0" to "Message 9", alternating user and assistant
    When the hot tier of "alice" is read with a limit of 5
    Then the hot tier holds these turns, in this order:
      | content   | role      |
      | Message 9 | assistant |
      | Message 8 | user      |
      | Message 7 | assistant |
      | Message 6 | user      |
      | Message 5 | assistant |

  Scenario: Two sessions in one database keep their turns apart
    Given the session "alice" has stored 6 turns "Alice 0" to "Alice 5", alternating user and assistant
    And the session "bob" has stored 4 turns "Bob 0" to "Bob 3", alternating user and assistant
    When the hot tier of "bob" is read with a limit of 10
    Then the hot tier holds 4 turns
    And none of them mentions "Alice"

  Scenario Outline: A full hot tier keeps the turns its eviction policy chooses
    The hot tier holds only a few turns. When a new turn does not fit, the policy picks
    the one to drop: LRU the turn read or stored longest ago, LFU the turn read least
    often (of those, the one used longest ago), FIFO the turn cached first, however
    often it was read. A turn no longer held is read from the file.

    Given a memory whose hot tier keeps 3 turns and drops them by the <policy> policy
    And the session "notes" has stored 3 turns "Step 0" to "Step 2", alternating user and assistant
    When the hot tier of "notes" is read with a limit of 2
    And the session "notes" stores 2 turns "Step 3" to "Step 4"
    And the hot tier of "notes" is read with a limit of 3
    Then the hot tier gave "<from memory>" from memory and "<from the file>" from the file

    Examples:
      | policy | from memory            | from the file  |
      | LRU    | Step 4, Step 3         | Step 2         |
      | LFU    | Step 4                 | Step 3, Step 2 |
      | FIFO   | Step 4, Step 3, Step 2 | nothing        |
