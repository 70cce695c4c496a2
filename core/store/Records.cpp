#include "store/Records.h"

#include "store/StoreError.h"

#include <array>
#include <chrono>
#include <utility>

namespace spoke::store {

namespace {

template <class Enum, std::size_t N> using Spellings = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Spellings<SessionStatus, 3> kSessionStatus{{
    {SessionStatus::Scheduled, "scheduled"},
    {SessionStatus::Held, "held"},
    {SessionStatus::Cancelled, "cancelled"},
}};

constexpr Spellings<AttendanceRole, 7> kRoles{{
    {AttendanceRole::HubSpecialist, "hub_specialist"},
    {AttendanceRole::Facilitator, "facilitator"},
    {AttendanceRole::Coordinator, "coordinator"},
    {AttendanceRole::Presenter, "presenter"},
    {AttendanceRole::Spoke, "spoke"},
    {AttendanceRole::Trainee, "trainee"},
    {AttendanceRole::ItSupport, "it_support"},
}};

constexpr Spellings<CaseStatus, 5> kCaseStatus{{
    {CaseStatus::Draft, "draft"},
    {CaseStatus::Ready, "ready"},
    {CaseStatus::Submitted, "submitted"},
    {CaseStatus::Presented, "presented"},
    {CaseStatus::RecommendationsReceived, "recommendations_received"},
}};

constexpr Spellings<RecordingSource, 3> kSources{{
    {RecordingSource::Local, "local"},
    {RecordingSource::Hub, "hub"},
    {RecordingSource::Imported, "imported"},
}};

template <class Enum, std::size_t N> std::string_view spell(const Spellings<Enum, N>& table, Enum value)
{
    for (const auto& [candidate, text] : table)
        if (candidate == value)
            return text;
    return "unknown";
}

template <class Enum, std::size_t N>
Enum parse(const Spellings<Enum, N>& table, std::string_view text, const char* what)
{
    for (const auto& [candidate, spelling] : table)
        if (spelling == text)
            return candidate;
    throw StoreError(StoreErrorKind::Query, std::string("Unknown ") + what + " '" + std::string(text) + "'");
}

} // namespace

std::string_view toString(SessionStatus status)
{
    return spell(kSessionStatus, status);
}
std::string_view toString(AttendanceRole role)
{
    return spell(kRoles, role);
}
std::string_view toString(CaseStatus status)
{
    return spell(kCaseStatus, status);
}
std::string_view toString(RecordingSource source)
{
    return spell(kSources, source);
}

SessionStatus sessionStatusFrom(std::string_view text)
{
    return parse(kSessionStatus, text, "session status");
}
AttendanceRole attendanceRoleFrom(std::string_view text)
{
    return parse(kRoles, text, "attendance role");
}
CaseStatus caseStatusFrom(std::string_view text)
{
    return parse(kCaseStatus, text, "case status");
}
RecordingSource recordingSourceFrom(std::string_view text)
{
    return parse(kSources, text, "recording source");
}

std::int64_t currentTimeMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace spoke::store
