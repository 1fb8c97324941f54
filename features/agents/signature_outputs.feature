@e2e @agent @core
Feature: What an agent must return
  An agent has a signature: the outputs it must return, each with a type. The agent tells
  the model what to return, reads the model's final reply against the signature, and asks
  once for a repair when something is missing or of the wrong type. A run that would
  otherwise stop at its turn limit can spend its last turn on the final answer.

  Background:
    Given an agent whose signature asks for:
      | output          | type    |
      | summary         | text    |
      | priority        | integer |
      | actions         | list    |
      | severity        | number  |
      | customer_facing | boolean |
      | details         | object  |

  Scenario: An agent that must call a tool every turn still answers on its last turn
    Given the agent must call one of its read-only file tools on every turn
    And the agent must answer on its last turn
    When the agent works on "Triage the outage report: the payment API failed for 20 minutes" for at most 2 turns
    Then the run completed on turn 2
    And every declared output was returned, each of its type
    And the model was told each output with its type
    And on its last turn the model was offered no tools and could only reply with its final outputs

  Scenario: The task's inputs reach the model, and a run without a required input is refused
    Given the agent's signature also takes the input "region"
    And the agent must answer on its last turn
    When the agent works on "Triage the outage report" in the region "EMEA" for at most 1 turns
    Then the run completed on turn 1
    And the model was given the region "EMEA" with the task
    When the agent is asked to work on "Triage the outage report" without a region
    Then the run is refused before any model call, naming the missing input "region"

  @scripted-model
  Scenario: A final reply that misses an output is sent back once and repaired
    A real model constrained by the reply schema never leaves out a required output, so
    the scripted model sends the incomplete reply, then a complete one.

    Given the model's final reply leaves out "priority" once
    When the agent works on "Triage the outage report" for at most 3 turns
    Then the run completed
    And the model was told that "priority" is missing
    And every declared output was returned, each of its type

  @scripted-model
  Scenario: A final reply wrapped in prose, with an output of the wrong type, is read and repaired once
    Models without a reply grammar (Ollama or OpenAI-compatible ones) often put a sentence
    before and after their JSON; the local model's grammar never does, nor gives a fraction
    for an integer, so the scripted model sends these replies.

    Given the model's final reply, wrapped in prose, gives "priority" as 2.5 once
    When the agent works on "Triage the outage report" for at most 3 turns
    Then the run completed
    And the model was told that "priority" should be integer
    And every declared output was returned, each of its type

  @scripted-model
  Scenario Outline: A reply with broken JSON is repaired when it says it is done, else kept as a note
    Models without a reply grammar sometimes stop mid-object; the local model's grammar
    never does, so the scripted model sends the broken reply, then a complete final one.

    Given the model's first reply is the broken JSON '<reply>', then its final reply
    When the agent works on "Triage the outage report" for at most 3 turns
    Then the run completed on turn <turn>
    And the model <repair>
    And every declared output was returned, each of its type

    Examples:
      | case                         | reply                                        | turn | repair                                          |
      | a final answer cut short     | {"done": true, "outputs": {"summary": "down" | 1    | was told once that its reply was not valid JSON |
      | a working note cut short     | {"done": false, "thought": "still reading    | 2    | was never asked to repair a reply               |

  @scripted-model
  Scenario: A model that cannot fill the signature stops the run and names the problem
    The scripted model leaves out the same output twice, which a schema-constrained real
    model never does.

    Given the model's final reply leaves out "priority" twice
    When the agent works on "Triage the outage report" for at most 3 turns, which fails
    Then the run failed because "priority" is missing after one repair
    And a checkpoint of the last consistent turn was kept
