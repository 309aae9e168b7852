import itertools
import random


def task_func(participants, team_size, allow_partial=True):
    """
    Randomly split participants into teams of a fixed size. The participants are
    shuffled and cut into consecutive teams of team_size members. When the number of
    participants is not a multiple of team_size, the last team is short: with
    allow_partial=True it is kept as a smaller team; otherwise its members are handed
    out one by one, round-robin, to the first full teams (which then have one extra
    member each).

    Parameters:
    participants (iterable): The people (or any hashable items) to split into teams.
    team_size (int): The number of members per team.
    allow_partial (bool): Whether a short final team is allowed. Defaults to True.

    Returns:
    list of list: The teams, each a list of participants in random order. Every
        participant appears in exactly one team.

    Raises:
    - ValueError: If team_size is smaller than 1, or if there are fewer participants
      than team_size.

    Requirements:
    - itertools
    - random

    Example:
    >>> random.seed(7)
    >>> teams = task_func(['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus'], 3)
    >>> [len(team) for team in teams]
    [3, 3, 1]
    >>> teams = task_func(['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus'], 3, allow_partial=False)
    >>> [len(team) for team in teams]
    [4, 3]
    >>> sorted(sum(teams, []))
    ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus']
    """
    if team_size < 1:
        raise ValueError("team_size must be at least 1")
    pool = list(participants)
    if len(pool) < team_size:
        raise ValueError(
            f"Cannot form a team of {team_size} from {len(pool)} participants"
        )
    random.shuffle(pool)
    teams = [pool[start:start + team_size] for start in range(0, len(pool), team_size)]

    if len(teams[-1]) < team_size and not allow_partial:
        leftovers = teams.pop()
        for member, team in zip(leftovers, itertools.cycle(teams)):
            team.append(member)
    return teams
