@e2e @tool_calling @core
Feature: A tool's arguments are checked against its schema before it runs
  Every tool declares the arguments it takes as a JSON schema: which are required, their
  types, allowed values, ranges, lengths and patterns. The agent checks each call against
  that schema before the policy is asked and before anything runs. A call that breaks it
  is refused, the audit log says so, and the model is told every problem, so it can send
  a corrected call. A call that keeps to the schema reaches the tool with its arguments
  untouched.

  The calls are handed straight to the agent's tool executor, as the agent loop does with
  a model's call, and no model is asked: the local model's replies are bound to each
  tool's schema by a grammar, so no real model breaks a schema on demand. (That the loop
  hands the executor's answer to the model is shown in safe_tools.feature.)

  Background:
    Given an agent with a Safe tool "book_room" whose arguments follow this schema:
      """json
      {
        "type": "object",
        "properties": {
          "room": { "type": "string", "enum": ["Attic","Cellar","Library"] },
          "minutes": { "type": "integer", "minimum": 15, "maximum": 240 },
          "code": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{2}$" },
          "title": { "type": "string", "minLength": 3, "maxLength": 20 },
          "attendees": { "type": "array", "items": { "type": "string" } },
          "note": { "type": ["string", "null"] },
          "budget": { "type": "number" },
          "organiser": {
            "type": "object",
            "properties": { "name": { "type": "string" }, "email": { "type": "string" } },
            "required": ["name"],
            "additionalProperties": false
          }
        },
        "required": ["room", "minutes"]
      }
      """

  Scenario Outline: A call that breaks the schema never runs, and the model is told what is wrong
    When a call to "book_room" arrives with the arguments '<arguments>'
    Then "book_room" never ran
    And the audit log records "book_room" as "refused for invalid arguments"
    And nobody was asked for approval
    And the call failed, and what goes back to the model says: <problem>

    Examples:
      | case                                  | arguments                                                       | problem                                                                                                   |
      | a value not in the list               | {"room":"Garage","minutes":30}                                  | arguments.room must be one of ["Attic","Cellar","Library"] but is "Garage"                                |
      | below the minimum                     | {"room":"Attic","minutes":14}                                   | arguments.minutes must be at least 15                                                                     |
      | above the maximum                     | {"room":"Attic","minutes":241}                                  | arguments.minutes must be at most 240                                                                     |
      | a fraction where a whole number goes  | {"room":"Attic","minutes":30.5}                                 | arguments.minutes must be 'integer' but is a number (30.5)                                                |
      | a code that breaks the pattern        | {"room":"Attic","minutes":30,"code":"AB-123"}                   | arguments.code must match the pattern ^[A-Z]{3}-[0-9]{2}$                                                 |
      | a title too short                     | {"room":"Attic","minutes":30,"title":"Up"}                      | arguments.title must have at least 3 characters                                                           |
      | a title too long                      | {"room":"Attic","minutes":30,"title":"Quarterly plan talks!"}   | arguments.title must have at most 20 characters                                                           |
      | a list item of the wrong type         | {"room":"Attic","minutes":30,"attendees":["Ann",7]}             | arguments.attendees[1] must be 'string' but is a number (7)                                               |
      | a text where a list goes              | {"room":"Attic","minutes":30,"attendees":"Ann"}                 | arguments.attendees must be 'array' but is a string ("Ann")                                               |
      | an object where a text or null goes   | {"room":"Attic","minutes":30,"note":{}}                         | arguments.note must be 'string' or 'null' but is an object                                                |
      | a yes/no where a number goes          | {"room":"Attic","minutes":30,"budget":true}                     | arguments.budget must be 'number' but is a boolean (true)                                                 |
      | an argument the tool does not take    | {"room":"Attic","minutes":30,"floor":2}                         | arguments.floor is not an accepted argument (accepted: room, minutes, code, title, attendees, note, budget, organiser) |
      | a nested argument it does not take    | {"room":"Attic","minutes":30,"organiser":{"name":"Ann","age":3}} | arguments.organiser.age is not an accepted argument (accepted: name, email)                               |
      | a nested required argument left out   | {"room":"Attic","minutes":30,"organiser":{"email":"a@b.c"}}     | arguments.organiser.name is required but missing                                                          |
      | two problems at once                  | {"minutes":14}                                                  | arguments.room is required but missing; arguments.minutes must be at least 15                             |

  Scenario Outline: A call that keeps to the schema reaches the tool unchanged
    One row at the lower limits, one with every argument at the upper limits, one with the
    shortest title.

    When a call to "book_room" arrives with the arguments '<arguments>'
    Then the call succeeded
    And "book_room" ran once, with the arguments '<arguments>'
    And the audit log records "book_room" as "allowed by policy"

    Examples:
      | case                             | arguments                                                                                                                                              |
      | only what is required, at minimum | {"room":"Attic","minutes":15}                                                                                                                        |
      | every argument, at the limits    | {"room":"Library","minutes":240,"code":"ABC-12","title":"Quarterly plan talks","attendees":["Ann","Bo"],"note":null,"budget":12.5,"organiser":{"name":"Ann","email":"ann@example.org"}} |
      | the shortest title, a whole budget | {"room":"Cellar","minutes":60,"title":"Ops","note":"bring keys","budget":3,"attendees":[]}                                                          |
