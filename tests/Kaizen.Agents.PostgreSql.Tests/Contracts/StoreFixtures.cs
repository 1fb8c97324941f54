using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.PostgreSql.Tests.Support;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

// One concrete class per contract and store: the same tests, run on LiteDB (the embedded default) and on PostgreSQL.

[Trait("Category", "store-contract")]
public sealed class LiteDbCheckpointStoreContract() : CheckpointStoreContract(new LiteDbStoreUnderTest());

[Trait("Category", "store-contract")]
public sealed class PostgresCheckpointStoreContract(PostgresServerFixture server) : CheckpointStoreContract(new PostgresStoreUnderTest(server));

[Trait("Category", "store-contract")]
public sealed class LiteDbAgentOnStoreContract() : AgentOnStoreContract(new LiteDbStoreUnderTest());

[Trait("Category", "store-contract")]
public sealed class PostgresAgentOnStoreContract(PostgresServerFixture server) : AgentOnStoreContract(new PostgresStoreUnderTest(server));

[Trait("Category", "store-contract")]
public sealed class LiteDbMemoryBackendContract() : MemoryBackendContract(new LiteDbStoreUnderTest());

[Trait("Category", "store-contract")]
public sealed class PostgresMemoryBackendContract(PostgresServerFixture server) : MemoryBackendContract(new PostgresStoreUnderTest(server));

[Trait("Category", "store-contract")]
public sealed class JsonFileApprovalStoreContract() : ApprovalStoreContract(new LiteDbStoreUnderTest());

[Trait("Category", "store-contract")]
public sealed class PostgresApprovalStoreContract(PostgresServerFixture server) : ApprovalStoreContract(new PostgresStoreUnderTest(server));

[Trait("Category", "store-contract")]
public sealed class JsonLinesToolAuditLogContract() : ToolAuditLogContract(new LiteDbStoreUnderTest());

[Trait("Category", "store-contract")]
public sealed class PostgresToolAuditLogContract(PostgresServerFixture server) : ToolAuditLogContract(new PostgresStoreUnderTest(server));
