namespace Safeguarding.Rules.Domain;

/// <summary>The agency that owns a strategy discussion's action (contract section 6, <c>actions[].owner</c>).</summary>
public enum ActionOwner
{
    /// <summary>The police: the only owner whose overdue actions give findings.</summary>
    Police = 0,

    /// <summary>Children's social care.</summary>
    SocialCare = 1,

    /// <summary>Health services.</summary>
    Health = 2,

    /// <summary>Education.</summary>
    Education = 3,

    /// <summary>Any other agency.</summary>
    Other = 4,
}
