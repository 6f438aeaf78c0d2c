// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QCoreApplication>

namespace Switchyard::Ui {

/// The one translation context for every user-visible string in ui/.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Switchyard::Ui)
};

} // namespace Switchyard::Ui
