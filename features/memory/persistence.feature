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

  Scenario: A recalled old memory is promoted back into the warm set
    Given a memory with a warm window of 20 turns
    And the session "ops" has stored the turn "The backup password rotates every 90 days" followed by 30 other turns
    And the turn "The backup password rotates every 90 days" is no longer in the warm set
    When the cold memory of "ops" is searched for "backup password rotation" and the best result is reinforced
    Then the turn "The backup password rotates every 90 days" is in the warm set again

  Scenario: A turn damaged on disk is named, and the rest of the session is still there
    A bad sector or a half-copied file can break the stored text of one turn. Reading the
    session then fails with an error that names the file, the session and the damaged turn,
    and still hands back every other turn, so nothing else of the memory is lost.

    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the stored text "Note 17" is damaged on disk and the memory store is opened again
    Then reading the 30 turns of "ops" fails, naming the file and the damaged turn
    And the error still gives the other 29 turns, in order and unchanged
    And the session "ops" still stores a new turn and finds it again

  Scenario: The readable turns of a damaged memory file are salvaged into a new one
    Given the session "ops" has stored 30 turns "Note 0" to "Note 29", alternating user and assistant
    When the stored text "Note 17" is damaged on disk and the memory store is opened again
    And the readable turns of the damaged file are exported
    Then the export holds the other 29 turns of one session and counts the damaged one as unreadable
    And a new memory file loaded from the export gives back those 29 turns of "ops", in order
