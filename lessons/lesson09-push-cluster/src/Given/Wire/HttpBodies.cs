using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetCourse.Lesson09;

/// <summary>Body of <c>POST /tokens</c>.</summary>
public sealed record TokenRequest(string User);

/// <summary>Answer of <c>POST /tokens</c>.</summary>
public sealed record TokenResponse(string Token);

/// <summary>Body of <c>POST /messages</c>: a business message for one user.</summary>
public sealed record CollectRequest(string User, string Body);

/// <summary>Answer of <c>POST /messages</c> (202 Accepted): the message is stored under this id.</summary>
public sealed record CollectResponse(long Id);

/// <summary>Answer of <c>POST /dispatch</c>.</summary>
public sealed record DispatchResponse(DispatchOutcome Outcome);

/// <summary>Every JSON shape of the cluster, serialized without reflection (source-generated),
/// in camelCase: <c>{"type":"ack","id":17}</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ServerFrame))]
[JsonSerializable(typeof(ClientFrame))]
[JsonSerializable(typeof(PushMessage))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CollectRequest))]
[JsonSerializable(typeof(CollectResponse))]
[JsonSerializable(typeof(DispatchResponse))]
public sealed partial class PushJson : JsonSerializerContext;
