// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/guards/detector.h"
#include "core/guards/finding.h"
#include "core/guards/guardsettings.h"

#include <QList>
#include <QStringView>

#include <array>
#include <memory>

namespace Switchyard::Guards {

/// Runs the DLP detectors of one profile over text. Build one per profile when the config is
/// applied (patterns are compiled once) and share it: scan() is const and thread-safe.
class DlpScanner final
{
public:
    /// Compiles the built-in detectors the profile enables plus its custom patterns; a bad
    /// custom regex yields an error naming the pattern (never the text being scanned).
    static Result<std::shared_ptr<const DlpScanner>> create(const DlpSettings &settings);

    /// Findings ordered by start, non-overlapping: where two detectors claim the same text the
    /// more specific one wins (private key > provider keys > bearer token > custom > card >
    /// IBAN > national id > email > IP > phone > generic entropy), then the longer match.
    QList<Finding> scan(QStringView text) const;

    const DlpSettings &settings() const { return m_settings; }
    /// The longest value a single finding can span (private-key blocks aside): the stream
    /// scanner's hold-back window.
    static constexpr qsizetype maxMatchLength() { return Internal::kMaxMatchLength; }

private:
    DlpScanner() = default;

    DlpSettings m_settings;
    QList<Internal::Detector> m_detectors;
    struct RunBounds
    {
        int minKeys = 0;
        int minLength = 0;
    };
    /// Per alphabet, the loosest run bounds of the detectors on it.
    std::array<RunBounds, Internal::kRunAlphabets> m_runBounds{};
};

using DlpScannerPtr = std::shared_ptr<const DlpScanner>;

} // namespace Switchyard::Guards
