@e2e @integration @slow
Feature: Several agents researching one question together
  A broad question is split into sub-questions, each researched by its own agent in
  parallel; a writer agent then merges their findings. No finding may be lost between
  the agents, and an interrupt of the whole team stops every member cleanly.

  @scripted-model
  Scenario: Three researchers and a writer answer a broad question
    Each researcher's findings are scripted so the synthesis can be checked for
    completeness; the meta-controller, not the test, hands them to the writer.

    Given a meta-controller running at most 3 tasks at once
    And 3 researcher agents and 1 writer agent sharing one memory store
    When the team researches "How do European cities reduce traffic?" split into:
      | sub-question                 |
      | Congestion charging          |
      | Public transport investment  |
      | Cycling infrastructure       |
    Then every sub-question was researched by exactly one researcher
    And every finding of every researcher is in the shared memory
    And the writer was handed every researcher's findings by the meta-controller
    And the writer's synthesis mentions every sub-question

  @scripted-model
  Scenario: Interrupting the team stops every member with its own checkpoint
    The researchers must still be working when the interrupt comes: scripted researchers
    take three turns each, which a real model does not do on demand.

    Given a meta-controller running at most 3 tasks at once
    And 3 researcher agents and 1 writer agent sharing one memory store
    When the team researches "How do European cities reduce traffic?" and the run is interrupted after the first findings
    Then every running researcher stopped with the interrupt's reason
    And each stopped researcher saved its own checkpoint
