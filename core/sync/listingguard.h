#pragma once

#include "domain/mutation.h"

#include <optional>

namespace ChannelDesk {

// Oversell prevention (DESIGN §4): a listing pauses when available stock falls to its safety
// buffer and resumes when stock is raised above it. The decision is pure; the engine writes it
// as a Pause or Resume row of the mutation log in the same transaction as the change.
class ListingGuard
{
public:
    static bool shouldBePaused(qint64 available, qint64 safetyBuffer)
    {
        return available <= safetyBuffer;
    }
    // Pause, Resume, or nothing, for a row that is (paused) and now holds (available).
    static std::optional<MutationKind> transition(bool paused, qint64 available,
                                                  qint64 safetyBuffer)
    {
        const bool want = shouldBePaused(available, safetyBuffer);
        if (want == paused)
            return std::nullopt;
        return want ? MutationKind::Pause : MutationKind::Resume;
    }
};

} // namespace ChannelDesk
