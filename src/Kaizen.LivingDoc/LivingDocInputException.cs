namespace Kaizen.LivingDoc;

/// <summary>An input the living doc cannot work without (missing folder, unreadable file); the message says how to fix it.</summary>
internal sealed class LivingDocInputException(string message) : Exception(message);
