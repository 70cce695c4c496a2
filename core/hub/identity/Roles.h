#pragma once

#include <QString>

#include <array>
#include <optional>

namespace spoke::hub {

// A member's role in one programme (docs/hub-api.md, Roles). The strings are
// the API's and the database's spelling.
enum class Role { Coordinator, Specialist, Clinician, Trainee };

// What a programme is about (docs/hub-api.md, Tables: programmes.kind); a
// case document's `programme` names one of these.
enum class ProgrammeKind { Hiv, Hcv, Tb, Cervical, Palliative, Generic };

inline constexpr std::array kAllRoles{Role::Coordinator, Role::Specialist, Role::Clinician, Role::Trainee};
inline constexpr std::array kAllProgrammeKinds{ProgrammeKind::Hiv,        ProgrammeKind::Hcv,
                                               ProgrammeKind::Tb,         ProgrammeKind::Cervical,
                                               ProgrammeKind::Palliative, ProgrammeKind::Generic};

constexpr const char* toString(Role role)
{
    switch (role) {
    case Role::Coordinator: return "coordinator";
    case Role::Specialist: return "specialist";
    case Role::Clinician: return "clinician";
    case Role::Trainee: return "trainee";
    }
    return "trainee";
}

constexpr const char* toString(ProgrammeKind kind)
{
    switch (kind) {
    case ProgrammeKind::Hiv: return "hiv";
    case ProgrammeKind::Hcv: return "hcv";
    case ProgrammeKind::Tb: return "tb";
    case ProgrammeKind::Cervical: return "cervical";
    case ProgrammeKind::Palliative: return "palliative";
    case ProgrammeKind::Generic: return "generic";
    }
    return "generic";
}

// Exact, case-sensitive matches of the spellings above.
inline std::optional<Role> roleFromString(QStringView text)
{
    for (Role role : kAllRoles) {
        if (text == QLatin1StringView(toString(role)))
            return role;
    }
    return std::nullopt;
}

inline std::optional<ProgrammeKind> programmeKindFromString(QStringView text)
{
    for (ProgrammeKind kind : kAllProgrammeKinds) {
        if (text == QLatin1StringView(toString(kind)))
            return kind;
    }
    return std::nullopt;
}

// Specialists and coordinators review cases (docs/hub-api.md, Roles).
constexpr bool canReview(Role role)
{
    return role == Role::Coordinator || role == Role::Specialist;
}

} // namespace spoke::hub
