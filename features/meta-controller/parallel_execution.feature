@e2e @meta_controller @core
Feature: Running independent tasks in parallel
  Independent tasks should not wait for each other, but running too many at once
  overloads the model server. The meta-controller runs them side by side on the agents
  able to do them, up to a limit, and gives the results back in the order the tasks
  were given.

  Scenario: Four independent tasks run two at a time and keep their order
    How many tasks run at once is observed where each task starts: a task waits there
    until the tasks that should run beside it have started too, so tasks that were in
    fact run one after another never meet and the count stays at 1.

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
    And the tasks were shared among the agents
    And the results are in the order of the tasks
