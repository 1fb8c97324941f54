@e2e @meta_controller @core
Feature: Choosing a reasoning strategy from past results
  The meta-controller picks a reasoning strategy from the task's wording: a question to work
  out step by step goes to chain of thought. It also keeps a record of how each strategy did.
  That record overrides the usual choice only when it is solid: both strategies have run at
  least 3 times, the usual one has solved fewer than half of its tasks, and the other one
  solves clearly more (by at least a quarter).

  Scenario Outline: Past results change the usual choice only when both records are solid
    Given chain of thought has solved <cot solved> of its <cot runs> tasks and tree of thoughts <tot solved> of its <tot runs>
    When a strategy is chosen for "What is 12 times 13?"
    Then <strategy> is chosen, because <why>

    Examples:
      | records                              | cot solved | cot runs | tot solved | tot runs | strategy         | why                                                                  |
      | both solid, chain of thought failing | 0          | 3        | 3          | 3        | tree of thoughts | the task is step-by-step reasoning, but ChainOfThought succeeded 0/3 |
      | chain of thought ran only twice      | 0          | 2        | 3          | 3        | chain of thought | the task is step-by-step reasoning                                   |
      | tree of thoughts ran only twice      | 0          | 3        | 2          | 2        | chain of thought | the task is step-by-step reasoning                                   |
      | chain of thought mostly solving      | 2          | 3        | 3          | 3        | chain of thought | the task is step-by-step reasoning                                   |
