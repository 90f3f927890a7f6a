using Vigil.Travel.Model;

namespace Vigil.Travel.Paxlst;

/// <summary>
/// Turns the airports of one TDT group, in the order sent, into legs. LOC 125 → 87 is the leg that crosses the
/// border; LOC 92 airports pair up as departure (DTM 189) and arrival (DTM 232), or by alternation when no
/// time says which; LOC 130 closes an open leg or names the final destination.
/// </summary>
internal sealed class LegAssembler
{
    private readonly List<Leg> _legs = [];
    private Leg? _open;

    public string? FinalDestination { get; private set; }

    public IReadOnlyList<Leg> Legs => _legs;

    public void Add(FlightStop stop)
    {
        switch (stop.Function)
        {
            case "125":
                Depart(stop, crossesBorder: true);
                break;
            case "87":
                Arrive(stop, crossesBorder: true);
                break;
            case "130":
                if (_open is not null)
                {
                    Arrive(stop, crossesBorder: false);
                }
                else
                {
                    FinalDestination = stop.Place;
                }

                break;
            default:
                var isDeparture = stop.Departure is not null || (stop.Arrival is null && _open is null);
                if (isDeparture)
                {
                    Depart(stop, crossesBorder: false);
                }
                else
                {
                    Arrive(stop, crossesBorder: false);
                }

                break;
        }
    }

    public void Finish()
    {
        if (_open is not null)
        {
            _legs.Add(_open);
            _open = null;
        }
    }

    private void Depart(FlightStop stop, bool crossesBorder)
    {
        Finish();
        _open = new Leg { Origin = stop.Place, ScheduledDeparture = stop.Departure ?? stop.Arrival, CrossesBorder = crossesBorder };
    }

    private void Arrive(FlightStop stop, bool crossesBorder)
    {
        var leg = _open ?? new Leg();
        _legs.Add(leg with
        {
            Destination = stop.Place,
            ScheduledArrival = stop.Arrival ?? stop.Departure,
            CrossesBorder = leg.CrossesBorder || crossesBorder,
        });
        _open = null;
    }
}

/// <summary>An airport named in a flight group with the times that follow it.</summary>
internal sealed class FlightStop(string function, string? place)
{
    public string Function { get; } = function;

    public string? Place { get; } = place;

    public DateTime? Departure { get; set; }

    public DateTime? Arrival { get; set; }
}
