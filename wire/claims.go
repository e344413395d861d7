package wire

import "github.com/controlmap/controlmap/data"

// ClaimRec is one claim, read on Day (whether it is current) with its
// sources from Book; Dataset names its districts as a headline does.
type ClaimRec struct {
	Claim   *data.Claim
	Day     data.Day
	Book    *Book
	Dataset *data.Dataset
}

// Claims is the claims: a party's statement about who holds which
// districts. The day layer writes each district's (dayClaimMembers), the
// timeline every claim (timelineClaimMembers); both from here, so a field
// of a claim is declared once.
var Claims = &Schema[ClaimRec]{Name: "claims", Title: "Claims",
	Description: "Statements by a party about who holds which districts, with their sources: claims, not assessments.",
	Fields: []Field[ClaimRec]{
		{Name: "party", Type: "string", Description: "Who made the claim", Value: func(r ClaimRec) any { return r.Claim.Party }},
		{Name: "kind", Type: "string", Description: "claim or denial", Value: func(r ClaimRec) any { return r.Claim.Kind }},
		{Name: "date", Type: "string", Format: "date", Description: "Day the claim was made", Value: func(r ClaimRec) any { return r.Claim.Date }},
		{Name: "pcodes", Type: "string", Description: "The districts claimed (flat form: separated by ';')", Value: func(r ClaimRec) any { return nonNil(r.Claim.PCodes) }},
		{Name: "places", Form: APIOnly, Description: "The districts named as a headline names them: whole provinces, then the other districts",
			Value: func(r ClaimRec) any { return placesOf(r.Dataset.PlacesOf(r.Claim.PCodes)) }},
		{Name: "status", Type: "string", Description: "The status the party claims", Value: func(r ClaimRec) any { return r.Claim.Status }},
		{Name: "current", Type: "boolean", Form: APIOnly, Description: "The claim counts towards disputed on the day (made within the claim window)",
			Value: func(r ClaimRec) any { return r.Claim.CurrentOn(r.Day) }},
		{Name: "note", Type: "string", Description: "What the party said", Value: func(r ClaimRec) any { return r.Claim.Note }},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r ClaimRec) any { return r.Book.List(r.Claim.Sources) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';'", Value: func(r ClaimRec) any { return r.Claim.Sources }},
	}}

// The members of a claim in each document that shows claims.
var (
	dayClaimMembers      = []string{"party", "kind", "date", "status", "current", "note", "sources"}
	timelineClaimMembers = []string{"party", "kind", "date", "pcodes", "places", "status", "note", "sources"}
)
