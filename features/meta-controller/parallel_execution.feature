@e2e @meta_controller @core
Feature: Running independent tasks in parallel
  Independent tasks should not wait for each other, but running too many at once
  overloads the model server. The meta-controller runs them side by side on the agents
  able to do them, up to a limit, and gives the results back in the order the tasks
  were given.

  Scenario: Four independent tasks run two at a time and keep their order
    How many tasks run at once is observed where each task starts: a task waits there
    until the tasks that should run beside it have started too, so tasks that were in
    fact run one after another never meet and the count stays at 1. The four agents are
    equally able, so each task goes to the one given the fewest tasks so far.

    Given a meta-controller that runs at most 2 tasks at once
    And 4 agents able to do "research"
    When the meta-controller runs these tasks:
      | task                          |
      | Research market A             |
      | Research market B             |
      | Research market C             |
      | Research market D             |
    Then each of the 4 tasks was worked on by a capable agent
    And at no moment were more than 2 tasks running
    And at some moment 2 tasks were running at once
    And each task went to a different agent, the least busy of the equally able ones
    And the results are in the order of the tasks

  Scenario: A task that builds on another starts after it and is handed its result
    Whether the model finishes the first task is its own affair: if it does, the second
    task's prompt carries its result; if not, the second task never reaches an agent.

    Given a meta-controller that runs at most 2 tasks at once
    And 2 agents able to do "research"
    When the meta-controller runs these tasks, each after the ones it depends on:
      | id     | task                                      | depends on |
      | task-1 | List three risks of entering market A     |            |
      | task-2 | Rank the risks found for market A by cost | task-1     |
    Then "task-2" was handed the result of "task-1", or did not run because "task-1" failed

  Scenario: Tasks that wait for each other in a cycle are refused before any work starts
    Given 2 agents able to do "research"
    When the meta-controller runs these tasks, each after the ones it depends on:
      | id     | task                        | depends on |
      | task-1 | Draft the plan              | task-3     |
      | task-2 | Review the plan             | task-1     |
      | task-3 | Approve the reviewed plan   | task-2     |
    Then the batch is refused, naming the cycle "task-1 -> task-3 -> task-2 -> task-1"
    And no agent worked on any task
