@e2e @memory @core
Feature: Memory that survives restarts and moves between tiers
  An agent's memory is only useful if it is still there after the process restarts,
  and if it stays fast as it grows. Turns that leave the warm window move to cold
  storage (demotion); an old memory that becomes relevant again comes back into the
  warm set (promotion).

  Background:
    Given a memory store in the scenario's data folder

  Scenario: Memory is still there after a restart
    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the memory store is closed and opened again on the same file
    Then the hot tier of "ops" with a limit of 5 starts with "Note 29"
    And the warm tier of "ops" with a window of 20 starts with "Note 10"
    And searching the cold memory of "ops" for "Note 3" gives "Note 3" as the best result

  Scenario: Turns that leave the warm window are demoted to cold storage
    Given a memory with a warm window of 20 turns
    When the session "ops" stores 25 turns "Event 0" to "Event 24"
    Then 5 turns have been demoted to cold storage
    And the demoted turns are "Event 0" to "Event 4"
    And each demoted turn can still be found in cold memory by its words

  Scenario: A recalled old memory is promoted back into the warm set, until a warm window of newer turns passes it
    Given a memory with a warm window of 20 turns
    And the session "ops" has stored the turn "The backup password rotates every 90 days" followed by 30 other turns
    And the turn "The backup password rotates every 90 days" is no longer in the warm set
    When the cold memory of "ops" is searched for "backup password rotation" and the best result is reinforced
    Then the turn "The backup password rotates every 90 days" is in the warm set again
    When the session "ops" stores 19 turns "Later 0" to "Later 18"
    Then the turn "The backup password rotates every 90 days" is still in the warm set
    When the session "ops" stores the turn "Later 19"
    Then the turn "The backup password rotates every 90 days" is no longer in the warm set

  Scenario: A turn damaged on disk is named, and the rest of the session is still there
    A bad sector or a half-copied file can break the stored text of one turn. Reading the
    session then fails with an error that names the file, the session and the damaged turn,
    and still hands back every other turn, so nothing else of the memory is lost.

    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the stored text "Note 17" is damaged on disk and the memory store is opened again
    Then reading the 30 turns of "ops" fails, naming the file and the damaged turn
    And the error still gives the other 29 turns, in order and unchanged
    And the session "ops" still stores a new turn and finds it again

  Scenario: Reading part of a session around a damaged turn gives the rest of that part
    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the stored text "Note 17" is damaged on disk and the memory store is opened again
    Then reading 10 turns of "ops" from turn 10 fails, naming the damaged turn 17
    And the error gives the other 9 turns from turn 10 to turn 19, and none outside them

  Scenario: The readable turns of a damaged memory file are salvaged into a new one
    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the stored text "Note 17" is damaged on disk and the memory store is opened again
    And the readable turns of the damaged file are exported
    Then the export holds the other 29 turns of one session and counts the damaged one as unreadable
    And a new memory file loaded from the export gives back those 29 turns of "ops", in order

  Scenario: A memory file from before sessions recorded their embedder still opens and is searched
    Earlier versions recorded the embedder only with each turn, not with the session.
    Such a file opens with the embedder its turns were stored with, and refuses another.

    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the memory file is rewritten as a version from before sessions recorded their embedder
    Then the session "ops" holds exactly the turns "Note 0" to "Note 29", numbered without gaps
    And searching the cold memory of "ops" for "Note 3" gives "Note 3" as the best result
    When the memory store is closed and opened again with the built-in hashing embedder
    Then opening the session "ops" is refused because its turns were embedded with "all-MiniLM-L6-v2"
    And the refusal gives the command that re-embeds the store with "hashing", or to open it with "minilm" instead

  Scenario Outline: A memory opened with another embedder than its own names the command that converts it
    Vectors of two embedders cannot be compared, so the store refuses to open the
    session and tells the user which command re-embeds it for the embedder they chose.

    Given the memory store embeds with <stored with>
    And the session "ops" has stored 4 turns "Note 0" to "Note 3", alternating user and assistant
    When the memory store is closed and opened again with <opened with>
    Then opening the session "ops" is refused because its turns were embedded with "<stored id>"
    And the refusal gives the command that re-embeds the store with "<re-embed name>", or to open it with "<own name>" instead

    Examples:
      | stored with                   | opened with                   | stored id          | re-embed name | own name |
      | the sentence model            | the built-in hashing embedder | all-MiniLM-L6-v2   | hashing       | minilm   |
      | the built-in hashing embedder | the sentence model            | kaizen-hashing-256 | minilm        | hashing  |

  Scenario: A conversation another process forgot and started again is read and searched as it is now
    Agent processes may share one memory file. When another process forgets a session
    and starts it again, this process must not answer from what it still remembers of
    the old conversation: not its newest turns, and not its search index.

    Given the memory store embeds with the built-in hashing embedder
    And the memory file is shared with other processes
    And the session "ops" has stored 6 turns "Draft 0" to "Draft 5", alternating user and assistant
    When the cold memory of "ops" is searched for "Draft 2" with 3 results
    And another process forgets the session "ops" and stores 8 turns in it as writer 2
    Then searching the cold memory of "ops" for "writer 2 turn 3" gives "writer 2 turn 3" as the best result
    And the session "ops" holds exactly the turns "writer 2 turn 0" to "writer 2 turn 7", numbered without gaps
