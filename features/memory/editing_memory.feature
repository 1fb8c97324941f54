@e2e @memory @core
Feature: Editing memory: rewinding, correcting and forgetting turns
  An agent's memory is not only appended to. A run resumed from a checkpoint rewinds
  the conversation to that point, a turn stored with the wrong text is corrected, and
  a turn or a whole conversation can be forgotten. Every tier must agree afterwards:
  the newest turns, the conversation window and search by meaning, also after a
  restart. No model is asked; search by meaning uses the sentence model.

  Background:
    Given a memory store in the scenario's data folder

  Scenario: Rewinding a session forgets every turn after the checkpoint
    A run resumed from a checkpoint rewinds its memory to the turn the checkpoint
    recorded, so the turns it is about to repeat are not stored twice. The repeated
    turn takes the place of the forgotten one, and the conversation has no gap.

    Given a memory with a warm window of 20 turns
    And the session "ops" has stored 30 turns "Step 0" to "Step 29", alternating user and assistant
    When the warm tier of "ops" is read with a window of 20 turns
    And the cold memory of "ops" is searched for "Step 25" with 3 results
    And the session "ops" is rewound to just after "Step 11"
    Then the store reports 18 turns forgotten
    And the session "ops" holds exactly the turns "Step 0" to "Step 11", numbered without gaps
    And searching the cold memory of "ops" for each of "Step 12" to "Step 29" finds 3 turns, none of them a forgotten one
    When the session "ops" stores the turn "Step 12" again
    Then the new turn is numbered right after "Step 11"
    When the memory store is closed and opened again on the same file
    Then the session "ops" holds exactly the turns "Step 0" to "Step 12", numbered without gaps

  Scenario: Correcting a turn replaces its text and metadata everywhere the agent reads it
    A tool glitch stored a weather report where the build result belonged. Once the
    turn is corrected, the newest turns, the conversation window and the stored
    conversation give the corrected text in its place; search by meaning finds the
    turn by its new text, and a search for the old text finds the real weather report
    instead. The new metadata keeps its nested structure after a restart.

    Given a memory with a warm window of 20 turns
    And the session "trip" has stored these turns:
      | role      | content                                                         |
      | user      | Book a table for four at the harbour restaurant on Saturday     |
      | assistant | The forecast for Saturday: rain reaching the harbour by evening |
      | tool      | Tomorrow will be sunny with light winds along the coast         |
      | assistant | I have reserved a table for four at 7 pm                        |
    When the warm tier of "trip" is read with a window of 20 turns
    And the cold memory of "trip" is searched for "restaurant booking" with 3 results
    And the turn "Tomorrow will be sunny with light winds along the coast" of "trip" is corrected to "The nightly build passed all 412 tests" with this metadata:
      """
      { "source": { "tool": "ci", "run": 412 }, "tags": [ "build", "nightly" ], "verified": true }
      """
    Then the store hands back the corrected turn, in the same place in the conversation
    And the hot tier, the warm tier and the stored conversation of "trip" give the corrected text in its place
    And searching the cold memory of "trip" for "did the overnight compilation succeed" gives "The nightly build passed all 412 tests" as the best result
    And searching the cold memory of "trip" for "Tomorrow will be sunny with light winds along the coast" gives "The forecast for Saturday: rain reaching the harbour by evening" as the best result
    When the memory store is closed and opened again on the same file
    Then the turn "The nightly build passed all 412 tests" of "trip" has this metadata:
      """
      { "source": { "tool": "ci", "run": 412 }, "tags": [ "build", "nightly" ], "verified": true }
      """
    And searching the cold memory of "trip" for "Tomorrow will be sunny with light winds along the coast" gives "The forecast for Saturday: rain reaching the harbour by evening" as the best result

  Scenario Outline: A correction that cannot be applied changes nothing
    A correction with nothing in it, or a text above the store's size limit, is refused
    with an error that says why. A turn the session does not have, because it was
    forgotten or belongs to another conversation, is not corrected: the store answers
    that there is no such turn.

    Given a memory that keeps turn texts of at most 100 bytes
    And the session "trip" has stored these turns:
      | role      | content                                                     |
      | user      | Book a table for four at the harbour restaurant on Saturday |
      | assistant | I have reserved a table for four at 7 pm                    |
    And the session "ci" has stored these turns:
      | role | content                                |
      | tool | The nightly build passed all 412 tests |
    When the session "trip" corrects <correction>
    Then the correction is <outcome>
    And no remaining turn has changed

    Examples:
      | correction                                                                        | outcome                                  |
      | its turn "I have reserved a table for four at 7 pm" with a text of 101 bytes      | refused for exceeding the 100-byte limit |
      | its turn "I have reserved a table for four at 7 pm" with neither text nor metadata | refused for having nothing to update     |
      | its forgotten turn "I have reserved a table for four at 7 pm" with a new text      | ignored, as the session has no such turn |
      | the turn "The nightly build passed all 412 tests" of "ci" with a new text          | ignored, as the session has no such turn |

  Scenario: Forgetting one turn, then a whole session, leaves the other sessions intact
    Given the session "alice" has stored 6 turns "Alice 0" to "Alice 5", alternating user and assistant
    And the session "bob" has stored 4 turns "Bob 0" to "Bob 3", alternating user and assistant
    When the warm tier of "alice" is read with a window of 50 turns
    And the cold memory of "alice" is searched for "Alice 2" with 5 results
    And the session "alice" forgets its turn "Alice 2"
    Then the store confirms the turn was forgotten
    And the session "alice" holds exactly these turns, in conversation order:
      | content |
      | Alice 0 |
      | Alice 1 |
      | Alice 3 |
      | Alice 4 |
      | Alice 5 |
    And searching the cold memory of "alice" for "Alice 2" finds 5 turns, none of them the forgotten one
    When the session "alice" is forgotten as a whole
    Then the store reports 5 turns forgotten
    And the session "alice" holds no turns
    And the session "bob" holds exactly the turns "Bob 0" to "Bob 3", numbered without gaps
    When the memory store is closed and opened again on the same file
    Then the session "alice" holds no turns
    And the session "bob" holds exactly the turns "Bob 0" to "Bob 3", numbered without gaps

  Scenario: A forgotten newest turn keeps its number, also after a restart
    A number in the conversation is never given to two turns: a turn stored after
    the newest one was forgotten is numbered after the forgotten one, whether or not
    the store was restarted in between, so a number kept elsewhere (a log line, a
    checkpoint's memory cursor) never points at another turn.

    Given the session "ops" has stored 5 turns "Note 0" to "Note 4", alternating user and assistant
    When the session "ops" forgets its turn "Note 4"
    And the session "ops" stores the turn "Note 5"
    Then the new turn is numbered right after the forgotten turn "Note 4"
    When the session "ops" forgets its turn "Note 5"
    And the memory store is closed and opened again on the same file
    And the session "ops" stores the turn "Note 6"
    Then the new turn is numbered right after the forgotten turn "Note 5"
    And the session "ops" holds exactly these turns, in conversation order:
      | content |
      | Note 0  |
      | Note 1  |
      | Note 2  |
      | Note 3  |
      | Note 6  |
