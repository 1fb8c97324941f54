@e2e @meta_controller @core
Feature: Routing each task to the best agent
  A team of specialised agents works better than one generalist, but only if each task
  reaches the agent that is good at it. The meta-controller matches tasks to the
  capabilities agents declare.

  Background:
    Given a meta-controller with these agents:
      | agent       | capabilities                  |
      | coder       | code review, refactoring      |
      | analyst     | data analysis, charts         |
      | writer      | summaries, reports            |

  Scenario Outline: A task goes to the agent whose capabilities match it
    Routing by declared capabilities involves no model; the chosen agent then works on the
    task on the real model, and no other agent does.

    When the meta-controller receives the task "<task>" needing "<capability>"
    Then the task is routed to the "<agent>" agent
    And only the "<agent>" agent worked on it

    Examples:
      | task                                   | capability    | agent   |
      | Review the payment module              | code review   | coder   |
      | Chart the monthly revenue              | data analysis | analyst |
      | Summarise the board meeting minutes    | summaries     | writer  |

  Scenario: When several agents could take a task, the model chooses one of them
    The capability filter leaves the agents that can do the task. Only when more than one is
    left is the model asked, once, with its answer held to their names; the task then goes
    first to the agent it named.

    Given the agents "copywriter" and "editor" do "writing", and "accountant" does "finance"
    When the model-assisted router routes "Write a short product announcement" needing "writing"
    Then the model was asked once, with "copywriter" and "editor" as the only candidates
    And the task goes first to the agent the model named, and the reason says the model chose it
    When the model-assisted router routes "Reconcile the March invoices" needing "finance"
    Then the task goes to "accountant" and the model was not asked again
