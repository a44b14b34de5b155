namespace Crux.Connect.IntegrationTests.Operations;

/// <summary>Theory data: every wiring, alone or with both API versions.</summary>
public static class Wirings
{
    public static TheoryData<Wiring> All => new(Enum.GetValues<Wiring>());

    public static TheoryData<Wiring> OverHttp => new(Enum.GetValues<Wiring>().Where(w => w != Wiring.InMemoryHandler));

    public static TheoryData<Wiring, CruxApiVersion> AllWithVersions
    {
        get
        {
            var data = new TheoryData<Wiring, CruxApiVersion>();
            foreach (var wiring in Enum.GetValues<Wiring>())
            {
                foreach (var version in Enum.GetValues<CruxApiVersion>())
                {
                    data.Add(wiring, version);
                }
            }

            return data;
        }
    }
}
