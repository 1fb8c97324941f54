using Kaizen.Agents.Llm;
using LLama.Native;

namespace Kaizen.Agents.LocalModel;

/// <summary>Builds llama.cpp sampler chains: optional grammar, mild repetition penalty, then greedy or seeded sampling.</summary>
internal static class SamplerFactory
{
    public static SafeLLamaSamplerChainHandle Create(SafeLlamaModelHandle.Vocabulary vocabulary, string? grammar, float temperature, uint seed, float repeatPenalty)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        try
        {
            if (grammar is not null)
            {
                try
                {
                    chain.AddGrammar(vocabulary, grammar, "root");
                }
                catch (Exception ex)
                {
                    throw new LlmProviderException($"The local model could not use the reply grammar built from the request: {ex.Message}{Environment.NewLine}{grammar}", LocalModelProvider.Name, isTransient: false, ex);
                }
            }
            if (repeatPenalty > 1f) chain.AddPenalties(64, repeatPenalty, 0f, 0f);
            if (temperature <= 0f)
            {
                chain.AddGreedySampler();
            }
            else
            {
                chain.AddTopK(40);
                chain.AddTopP(0.95f, 1);
                chain.AddTemperature(temperature);
                chain.AddDistributionSampler(seed);
            }
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }
}
