namespace Vigil.Screening.Matching;

/// <summary>
/// One <typeparamref name="T"/> per thread, sized for the index it was made for and made anew when the thread first
/// searches another index: the working memory of a search is kept between queries, but it must not keep a replaced
/// index alive, nor serve an index of another size.
/// </summary>
internal static class ScratchOfIndex<T>
    where T : class
{
    [ThreadStatic]
    private static T? current;

    [ThreadStatic]
    private static int owner;

    public static T For(WatchListIndex index, Func<WatchListIndex, T> make)
    {
        if (current is null || owner != index.Identity)
        {
            current = make(index);
            owner = index.Identity;
        }

        return current;
    }
}
