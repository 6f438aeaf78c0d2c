// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QCoreApplication>

namespace Switchyard {

/// The one translation context for every user-visible string in core/.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Switchyard::Core)
};

} // namespace Switchyard
