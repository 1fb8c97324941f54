@e2e @memory @core
Feature: Cold memory: finding old knowledge by meaning
  Everything the agent ever said is kept in long-term storage. When a new task comes
  up, the agent retrieves the few old turns that are relevant to it (retrieval
  augmented generation), even if they were said hundreds of turns ago, and even when
  the new task words it differently: the store embeds turns with a sentence model
  (all-MiniLM-L6-v2, in process), so a question finds a turn it shares no word with.

  Background:
    Given a memory store in the scenario's data folder

  Scenario: Relevant old turns are retrieved by meaning
    Given the session "support" has stored these turns among 40 unrelated ones:
      | role      | content                                                                      |
      | user      | The nightly export fails with "database is locked" when two jobs write at once |
      | assistant | Invoices are generated on the first working day of each month                |
      | user      | Our office plants need watering twice a week                                 |
    When the cold memory of "support" is searched for "why does our overnight data dump crash whenever several processes save simultaneously" with 3 results
    Then 3 results come back, best first
    And the best result is the turn about "database is locked"
    And the question and the best result share no content word
    And every result has a similarity score between -1 and 1

  Scenario: A paraphrase is found among a thousand unrelated turns
    Given the session "ops" has stored these turns among 1000 unrelated ones:
      | role | content                                                                         |
      | user | Remember to renew the staging server's TLS certificate before it expires on the 14th |
    When the cold memory of "ops" is searched for "when does the encryption credential of our pre-production machine run out" with 5 results
    Then 5 results come back, best first
    And the best result is the turn about "TLS certificate"
    And the question and the best result share no content word

  Scenario: A memory written with the hashing embedder is re-embedded, then found by meaning
    The built-in hashing embedder matches words, not meaning. The library's re-embedder
    converts the file to the sentence model in small batches, each committed with its
    progress; the converted store opens with the sentence model and finds a paraphrase.

    Given the memory store embeds with the built-in hashing embedder
    And the session "ops" has stored these turns among 100 unrelated ones:
      | role | content                                                                         |
      | user | Remember to renew the staging server's TLS certificate before it expires on the 14th |
    When the memory file is re-embedded with the sentence model in batches of 16
    Then all 101 turns of "ops" were embedded again, in batches of at most 16, and the progress reached all of them
    When the cold memory of "ops" is searched for "when does the encryption credential of our pre-production machine run out" with 5 results
    Then the best result is the turn about "TLS certificate"

  Scenario: Re-embedding a memory file that is not there is refused and creates none
    A mistyped path must not leave an empty memory file behind, which a later run would
    open as if it were the real memory.

    When a memory file that does not exist is re-embedded with the sentence model
    Then the re-embedding is refused with an error naming that file
    And no memory file was created at that path
